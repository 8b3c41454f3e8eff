"""audiences.api.templates.api"""
