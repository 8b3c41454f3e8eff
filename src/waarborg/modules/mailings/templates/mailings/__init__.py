"""modules.mailings.templates.mailings"""
