"""audiences.api.statistics"""
