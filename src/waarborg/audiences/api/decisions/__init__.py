"""audiences.api.decisions"""
