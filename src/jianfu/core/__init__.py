"""The Qt-free core: checklist model, answers, scoring and plan drafting."""
