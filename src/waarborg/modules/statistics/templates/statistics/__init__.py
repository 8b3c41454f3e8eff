"""modules.statistics.templates.statistics"""
