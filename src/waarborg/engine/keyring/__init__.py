"""engine.keyring"""
