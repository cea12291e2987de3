from django_tasks import task


@task()
def send_opportunities(user_id, monday):
    """One member's weekly opportunities email; run again, it sends none twice."""
    from home import weekly_email

    weekly_email.send(user_id, monday)
