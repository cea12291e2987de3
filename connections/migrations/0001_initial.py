# The links between features move here from gaps, events and consultations, whose
# tables this app takes over as they are (state only: no row moves, so page
# revisions keep their action items' and links' ids). 0002 renames them.

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0005_organisation_moves_from_themes'),
        ('consultations', '0005_links_move_to_connections'),
        ('events', '0006_action_items_move_to_connections'),
        ('forums', '0004_thread_stays_when_its_author_leaves'),
        ('gaps', '0005_links_move_to_connections'),
        ('themes', '0002_editor_permissions'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ActionItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('description', models.CharField(max_length=300, verbose_name='action')),
                        ('owner', models.CharField(help_text='Who will do it.', max_length=120)),
                        ('due_date', models.DateField(blank=True, null=True)),
                        ('status', models.CharField(choices=[('open', 'Open'), ('done', 'Done'), ('dropped', 'Dropped')], default='open', max_length=20)),
                        ('data_gap', models.ForeignKey(blank=True, help_text='The data gap this action answers, if there is one.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='action_items', to='gaps.datagap')),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='accounts.organisation')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='action_items', to='events.minutespage')),
                        ('thread', models.ForeignKey(blank=True, help_text='The discussion this action answers, if there is one.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='action_items', to='forums.thread')),
                    ],
                    options={
                        'db_table': 'events_actionitem',
                        'ordering': ['sort_order'],
                    },
                ),
                migrations.CreateModel(
                    name='ConsultationGapLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('data_gap', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consultation_links', to='gaps.datagap')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='gap_links', to='consultations.consultationpage')),
                    ],
                    options={
                        'db_table': 'consultations_consultationgaplink',
                        'ordering': ['sort_order'],
                    },
                ),
                migrations.CreateModel(
                    name='ConsultationThreadLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='thread_links', to='consultations.consultationpage')),
                        ('thread', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consultation_links', to='forums.thread')),
                    ],
                    options={
                        'db_table': 'consultations_consultationthreadlink',
                        'ordering': ['sort_order'],
                    },
                ),
                migrations.CreateModel(
                    name='GapMeeting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('data_gap', models.ForeignKey(db_column='datagap_id', on_delete=django.db.models.deletion.CASCADE, related_name='meeting_links', to='gaps.datagap')),
                        ('meeting', models.ForeignKey(db_column='eventpage_id', on_delete=django.db.models.deletion.CASCADE, related_name='gap_links', to='events.eventpage')),
                    ],
                    options={
                        'db_table': 'gaps_datagap_meetings',
                        'unique_together': {('data_gap', 'meeting')},
                    },
                ),
                migrations.CreateModel(
                    name='GapThread',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('data_gap', models.ForeignKey(db_column='datagap_id', on_delete=django.db.models.deletion.CASCADE, related_name='thread_links', to='gaps.datagap')),
                        ('thread', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='gap_links', to='forums.thread')),
                    ],
                    options={
                        'db_table': 'gaps_datagap_threads',
                        'unique_together': {('data_gap', 'thread')},
                    },
                ),
            ],
        ),
    ]
