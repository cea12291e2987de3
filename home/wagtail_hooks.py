from wagtail import hooks

from home.chair_dashboard import ChairPanel, chair_cycle


@hooks.register("construct_homepage_panels")
def add_chair_panel(request, panels):
    cycle = chair_cycle(request.user)
    if cycle is not None:
        panels.insert(0, ChairPanel(cycle))
