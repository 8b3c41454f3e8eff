"""audiences.backoffice.static"""
