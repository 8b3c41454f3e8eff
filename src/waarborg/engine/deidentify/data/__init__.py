"""engine.deidentify.data"""
