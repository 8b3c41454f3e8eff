"""audiences.site.listings"""
