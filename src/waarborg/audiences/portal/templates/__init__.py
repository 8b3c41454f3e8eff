"""audiences.portal.templates"""
