"""audiences.portal.templates.portal"""
