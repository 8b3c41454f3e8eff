"""audiences.api.mailings"""
