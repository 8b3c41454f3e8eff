"""audiences.api.templates"""
