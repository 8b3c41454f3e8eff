"""audiences.site.securemail"""
