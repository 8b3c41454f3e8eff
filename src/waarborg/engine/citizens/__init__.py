"""engine.citizens"""
