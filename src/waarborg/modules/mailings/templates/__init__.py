"""modules.mailings.templates"""
