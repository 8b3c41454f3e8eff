"""modules.statistics.templates"""
