"""audiences.api.tips"""
