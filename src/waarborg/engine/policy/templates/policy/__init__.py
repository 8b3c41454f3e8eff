"""engine.policy.templates.policy"""
