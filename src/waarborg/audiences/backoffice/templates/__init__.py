"""audiences.backoffice.templates"""
