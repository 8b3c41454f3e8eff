"""audiences.site.accessibility"""
