"""engine.rights.templates.rights"""
