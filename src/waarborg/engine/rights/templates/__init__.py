"""engine.rights.templates"""
