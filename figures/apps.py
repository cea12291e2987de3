from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "figures"
    verbose_name = "Figures"

    def ready(self):
        from accounts.notifications import NotificationKind, register_kind

        register_kind(
            NotificationKind(
                key="satisfaction",
                link="url",
                label="Did it meet your need?",
                description="Once, after a data gap you support is met or closed, a "
                "consultation you responded to publishes its outcome, or your "
                "question is answered: did it meet your need?",
            )
        )
