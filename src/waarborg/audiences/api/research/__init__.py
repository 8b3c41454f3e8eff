"""audiences.api.research"""
