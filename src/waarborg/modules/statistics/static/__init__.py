"""modules.statistics.static"""
