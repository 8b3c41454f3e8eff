"""audiences.api.retention"""
