"""audiences.portal.templates.portal.email"""
