"""audiences.site.privacy"""
