"""audiences.site.cookies"""
