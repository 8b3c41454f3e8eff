"""audiences.site.tips"""
