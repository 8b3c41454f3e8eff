"""modules.securemail.templates"""
