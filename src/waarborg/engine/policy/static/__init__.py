"""engine.policy.static"""
