"""audiences.backoffice.static.backoffice"""
