"""audiences.backoffice.templates.backoffice"""
