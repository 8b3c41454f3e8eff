"""modules.tips.templates.tips"""
