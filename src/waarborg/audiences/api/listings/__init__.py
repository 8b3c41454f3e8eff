"""audiences.api.listings"""
