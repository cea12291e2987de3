# The tables taken over in 0001 get this app's names, and the gap links' columns
# and uniqueness the names of their fields.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('connections', '0001_initial'),
        ('events', '0006_action_items_move_to_connections'),
        ('forums', '0004_thread_stays_when_its_author_leaves'),
        ('gaps', '0005_links_move_to_connections'),
    ]

    operations = [
        migrations.AlterUniqueTogether(
            name='gapmeeting',
            unique_together=set(),
        ),
        migrations.AlterUniqueTogether(
            name='gapthread',
            unique_together=set(),
        ),
        migrations.AlterField(
            model_name='gapmeeting',
            name='data_gap',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meeting_links', to='gaps.datagap'),
        ),
        migrations.AlterField(
            model_name='gapmeeting',
            name='meeting',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='gap_links', to='events.eventpage'),
        ),
        migrations.AlterField(
            model_name='gapthread',
            name='data_gap',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='thread_links', to='gaps.datagap'),
        ),
        migrations.AddConstraint(
            model_name='gapmeeting',
            constraint=models.UniqueConstraint(fields=('data_gap', 'meeting'), name='connections_one_gap_meeting'),
        ),
        migrations.AddConstraint(
            model_name='gapthread',
            constraint=models.UniqueConstraint(fields=('data_gap', 'thread'), name='connections_one_gap_thread'),
        ),
        migrations.AlterModelTable(
            name='actionitem',
            table=None,
        ),
        migrations.AlterModelTable(
            name='consultationgaplink',
            table=None,
        ),
        migrations.AlterModelTable(
            name='consultationthreadlink',
            table=None,
        ),
        migrations.AlterModelTable(
            name='gapmeeting',
            table=None,
        ),
        migrations.AlterModelTable(
            name='gapthread',
            table=None,
        ),
    ]
