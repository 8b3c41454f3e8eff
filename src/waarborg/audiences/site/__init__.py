"""audiences.site"""
