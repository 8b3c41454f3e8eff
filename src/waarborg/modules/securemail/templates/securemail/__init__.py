"""modules.securemail.templates.securemail"""
