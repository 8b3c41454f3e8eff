"""engine.policy.templates"""
