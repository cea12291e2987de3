"""Approval workflows run by editors: made by a data migration, found by name.

Wagtail gives a page the workflow of its place in the tree. Minutes and consultations
go through their own wherever they sit (and the meetings and themes above them
through none), so their pages look their workflow up by its name.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.models import Workflow

from core.permissions import EDITOR_GROUPS


class NamedWorkflowMixin:
    """A page that goes through the active workflow called `workflow_name`."""

    workflow_name = ""

    def get_workflow(self):
        return Workflow.objects.filter(name=self.workflow_name, active=True).first()

    @property
    def has_workflow(self):
        return self.get_workflow() is not None


def create_editors_approval(apps, workflow_name, task_name):
    """In a data migration: a one-task workflow in which editors approve."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    HistoricalWorkflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    # Historical models do not fill in a task's content type by themselves.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=task_name, defaults={"content_type": content_type, "active": True}
    )
    task.groups.set(Group.objects.filter(name__in=EDITOR_GROUPS))
    workflow, _ = HistoricalWorkflow.objects.get_or_create(
        name=workflow_name, active=True
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)


class SubmitToNamedWorkflow(SubmitForModerationMenuItem):
    """Wagtail labels the submit button of a page being created with its parent's
    workflow ("Submit to Moderators approval" for new minutes under a meeting); a
    NamedWorkflowMixin page goes through its own, so the button names that.
    `page_class` is the class being created (the create view's menu has no page)."""

    def __init__(self, *args, page_class, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_class = page_class

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        if page is None or not page.pk:
            workflow = Workflow.objects.filter(
                name=self.page_class.workflow_name, active=True
            ).first()
            if workflow is not None:
                context["label"] = f"Submit to {workflow.name}"
        return context


def page_class_in(request, context):
    """The page class an admin page view shows or creates, or None."""
    page = context.get("page")
    if page is not None:
        return type(page.specific_deferred)
    kwargs = request.resolver_match.kwargs if request.resolver_match else {}
    try:
        content_type = ContentType.objects.get_by_natural_key(
            kwargs["content_type_app_name"], kwargs["content_type_model_name"]
        )
    except (KeyError, ContentType.DoesNotExist):
        return None
    return content_type.model_class()
