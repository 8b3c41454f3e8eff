"""modules.tips.templates"""
