"""audiences.api.audit"""
