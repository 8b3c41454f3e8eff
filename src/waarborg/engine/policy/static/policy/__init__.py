"""engine.policy.static.policy"""
