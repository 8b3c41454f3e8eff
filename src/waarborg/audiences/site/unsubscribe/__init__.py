"""audiences.site.unsubscribe"""
