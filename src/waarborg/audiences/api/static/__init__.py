"""audiences.api.static"""
