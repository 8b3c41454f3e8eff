"""modules.statistics.static.statistics"""
