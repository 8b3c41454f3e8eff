"""audiences.api.static.api"""
